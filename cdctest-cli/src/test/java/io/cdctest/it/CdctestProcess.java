package io.cdctest.it;

import io.cdctest.CdctestHome;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** cdctest as a process of its own (a JVM a test can send signals to), its output in a file. */
record CdctestProcess(Process process, Path output) {

    static CdctestProcess start(Path dir, List<String> args) throws IOException {
        Files.createDirectories(dir);
        CdctestHome home = CdctestHome.locate();
        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/env").canExecute()) {
            command.addAll(List.of("/usr/bin/env", "--default-signal=INT")); // undo a background shell's SIGINT ignore
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dcdctest.home=" + home.root(), "-cp", home.classpath("cdctest-cli"), "io.cdctest.cli.Main"));
        command.addAll(args);
        Path output = dir.resolve("output.txt");
        return new CdctestProcess(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start(),
                output);
    }

    String text() throws IOException {
        return Files.readString(output);
    }

    void signal(String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start().waitFor();
    }
}
