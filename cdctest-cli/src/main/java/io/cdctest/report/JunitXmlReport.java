package io.cdctest.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML ({@code junit.xml}) in the layout CI servers read: one testsuite per run, one testcase
 * per cdctest testcase (classname {@code cdctest.<scenario>.<group>}), failures with their message
 * and the step log as body.
 */
public final class JunitXmlReport {
    private JunitXmlReport() {
    }

    public static void write(RunReport r, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "cdctest." + r.scenario() + (r.group() == null ? "" : "." + r.group()));
            xml.writeAttribute("tests", String.valueOf(Math.max(1, r.testcases().size())));
            xml.writeAttribute("failures", String.valueOf(r.count(Status.FAILED)));
            xml.writeAttribute("errors", String.valueOf(r.count(Status.ERROR) + (r.setupError() == null ? 0 : 1)));
            xml.writeAttribute("skipped", String.valueOf(r.count(Status.SKIPPED)));
            xml.writeAttribute("time", seconds(r.duration()));
            xml.writeAttribute("timestamp", r.started().toString());
            String classname = "cdctest." + r.scenario() + (r.group() == null ? "" : "." + r.group());
            if (!r.lag().tables().isEmpty() || !r.phases().isEmpty() || !r.metrics().isEmpty()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("properties");
                for (var phase : r.phases().entrySet()) {
                    property(xml, "phase." + phase.getKey().replace(' ', '_') + ".s", seconds(phase.getValue()));
                }
                for (var lag : r.lag().tables().entrySet()) {
                    var stats = lag.getValue();
                    property(xml, "lag." + lag.getKey() + ".p50_ms", String.valueOf(stats.p50()));
                    property(xml, "lag." + lag.getKey() + ".p95_ms", String.valueOf(stats.p95()));
                    property(xml, "lag." + lag.getKey() + ".max_ms", String.valueOf(stats.max()));
                    property(xml, "lag." + lag.getKey() + ".keys", String.valueOf(stats.keys()));
                }
                for (var series : r.metrics().series()) {
                    String name = "metric." + series.name() + ".";
                    property(xml, name + "last", io.cdctest.pipeline.PipelineMetrics.format(series.last()));
                    property(xml, name + "max", io.cdctest.pipeline.PipelineMetrics.format(series.max()));
                }
                xml.writeEndElement();
            }
            if (r.setupError() != null) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", classname);
                xml.writeAttribute("name", "setup");
                xml.writeAttribute("time", "0");
                xml.writeStartElement("error");
                xml.writeAttribute("message", r.setupError());
                xml.writeCharacters(r.setupError());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            for (TestcaseResult t : r.testcases()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", classname);
                xml.writeAttribute("name", t.id() + " " + t.name());
                xml.writeAttribute("time", seconds(t.duration()));
                if (t.status() == Status.FAILED || t.status() == Status.ERROR) {
                    xml.writeStartElement(t.status() == Status.FAILED ? "failure" : "error");
                    xml.writeAttribute("message", firstLine(t.message()));
                    xml.writeCharacters(t.message());
                    xml.writeEndElement();
                } else if (t.status() == Status.SKIPPED) {
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute("message", firstLine(t.message()));
                }
                xml.writeStartElement("system-out");
                StringBuilder steps = new StringBuilder();
                for (StepResult s : t.steps()) {
                    steps.append(String.format(Locale.ROOT, "%d. %s [%s] %s (%s): %s%n", s.index(), s.action(),
                            s.status(), seconds(s.duration()) + " s", s.where(), s.detail()));
                }
                xml.writeCData(steps.toString().replace("]]>", "]]]]><![CDATA[>"));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
    }
}
