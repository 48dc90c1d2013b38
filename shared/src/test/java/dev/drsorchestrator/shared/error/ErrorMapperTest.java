package dev.drsorchestrator.shared.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

    @Test
    void toResponse_shouldKeepStatusAndMessage_whenClientError() {
        List<ClientErrorException> errors = List.of(new ValidationException("v"), new UnauthorizedException("u"),
                new ForbiddenException("f"), new NotFoundException("n"), new ConflictException("c"),
                new QuotaExceededException("q"));
        assertThat(errors).extracting(e -> ErrorMapper.toResponse(e, "r").statusCode())
                .containsExactly(400, 401, 403, 404, 409, 429);
        assertThat(ErrorMapper.toResponse(new ConflictException("Version 3 is stale"), "r"))
                .isEqualTo(new ErrorResponse("CONFLICT", "Version 3 is stale", 409, null));
    }

    @Test
    void toResponse_shouldHideMessage_whenUnexpectedFailure() {
        ErrorResponse response = ErrorMapper.toResponse(
                new IllegalStateException("table arn:aws:dynamodb:secret-table missing"), "req-42");
        assertThat(response).isEqualTo(new ErrorResponse("INTERNAL_ERROR",
                "Internal server error (request id req-42)", 500, "req-42"));
    }

    @Test
    void functionError_shouldCarryOnlyRequestId_whenThrown() {
        FunctionErrorException e = new FunctionErrorException("req-7");
        assertThat(e.getMessage()).isEqualTo("Internal server error (request id req-7)");
        assertThat(e.getStackTrace()).isEmpty();
        assertThat(e.getCause()).isNull();
    }
}
