package io.cdctest;

/**
 * The single exception type that ends a cdctest command with a chosen exit code. Its message is
 * the one line the user sees: it names the cause and where it is (file:line, key, host:port).
 */
public class CdctestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    public CdctestException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CdctestException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public static CdctestException config(String message) {
        return new CdctestException(ExitCode.CONFIG, message);
    }

    public static CdctestException environment(String message, Throwable cause) {
        return new CdctestException(ExitCode.ENVIRONMENT, message, cause);
    }

    public static CdctestException environment(String message) {
        return new CdctestException(ExitCode.ENVIRONMENT, message);
    }
}
