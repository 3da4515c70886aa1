package io.cdctest.cli;

import io.cdctest.CdctestException;
import io.cdctest.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Entry point. One exit-code policy: every error becomes one line on stderr naming its cause,
 * with the stack trace only under -v.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line with the given writers; returns the exit code. Tests call this in-process. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        boolean verbose = java.util.Arrays.stream(args).anyMatch(a -> a.equals("-v") || a.equals("--verbose"));
        configureLogging(verbose);
        CommandLine cli = new CommandLine(new CdctestCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorHandler(verbose));
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        return cli.execute(args);
    }

    private static void configureLogging(boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", verbose ? "warn" : "error");
        System.setProperty("org.slf4j.simpleLogger.log.org.testcontainers", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.ch.vorburger", verbose ? "info" : "warn");
    }

    /** Exceptions from commands: one line, the exit code the exception carries. */
    static final class ErrorHandler implements IExecutionExceptionHandler {
        private final boolean verbose;

        ErrorHandler(boolean verbose) {
            this.verbose = verbose;
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine cli, ParseResult parseResult) {
            PrintWriter err = cli.getErr();
            if (e instanceof CdctestException ce) {
                err.println("cdctest: " + ce.getMessage());
                if (verbose && ce.getCause() != null) {
                    ce.getCause().printStackTrace(err);
                }
                err.flush();
                return ce.exitCode().code();
            }
            err.println("cdctest: internal error: " + e);
            if (verbose) {
                e.printStackTrace(err);
            } else {
                err.println("cdctest: run with -v for the stack trace");
            }
            err.flush();
            return ExitCode.INTERNAL.code();
        }
    }

    /** Usage errors: the message and a pointer to --help, exit 2. */
    static final class UsageErrorHandler implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException e, String[] args) {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("cdctest: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return ExitCode.CONFIG.code();
        }
    }
}
