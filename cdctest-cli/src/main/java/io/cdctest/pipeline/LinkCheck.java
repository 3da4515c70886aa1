package io.cdctest.pipeline;

import io.cdctest.CdctestException;
import io.cdctest.env.net.Link;
import io.cdctest.spec.NetworkFault;
import io.cdctest.spec.Origin;
import io.cdctest.spec.Scenario;
import io.cdctest.spec.Step;
import io.cdctest.spec.TestCase;
import io.cdctest.spec.load.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Checks the network links a scenario and its testcases name against the links its pipeline
 * declares, before anything starts: a link the pipeline does not have (or a misspelt one), a fault
 * on a link this run cannot route, a direction that is not one of the link's ends. Each is a
 * configuration error naming file, line and key. The earlier tool's {@code simulate_network_issue}
 * on a pipeline that declares no link is a warning, so its files keep loading.
 */
public final class LinkCheck {
    private LinkCheck() {
    }

    public static void check(Scenario scenario, List<TestCase> testcases, Consumer<String> warnings) {
        Map<String, Link> links = new LinkedHashMap<>();
        Pipelines.factory(scenario.type()).links(scenario).forEach(l -> links.put(l.name(), l));
        List<String> route = scenario.network().route();
        if (route != null) {
            for (String name : route) {
                if (!links.containsKey(name)) {
                    throw CdctestException.config(scenario.network().origin() + ": network.route: " + missing(scenario, links, name));
                }
            }
        }
        for (TestCase testcase : testcases) {
            for (Step step : testcase.steps()) {
                Step inner = step instanceof Step.ExpectFailure x ? x.step() : step;
                if (inner instanceof Step.LinkFault f) {
                    Link link = routed(scenario, links, f.link(), f.origin());
                    String towards = f.fault() instanceof NetworkFault.Latency l ? l.towards()
                            : f.fault() instanceof NetworkFault.Bandwidth b ? b.towards() : null;
                    if (towards != null && !link.ends().contains(towards)) {
                        throw CdctestException.config(f.origin() + ": towards: link " + link.name() + " runs between "
                                + link.from() + " and " + link.to() + "; towards names one of them, got '" + towards + "'");
                    }
                } else if (inner instanceof Step.Heal h && h.link() != null) {
                    declared(scenario, links, h.link(), h.origin());
                } else if (inner instanceof Step.NetworkIssue n) {
                    if (n.link() != null) {
                        routed(scenario, links, n.link(), n.origin());
                    } else {
                        Link main = links.values().stream().filter(Link::main).findFirst().orElse(null);
                        if (main == null) {
                            warnings.accept(n.origin() + ": simulate_network_issue: this " + scenario.type() + " pipeline "
                                    + "declares no network link yet; a run that reaches this step fails it");
                        } else {
                            routed(scenario, links, main.name(), n.origin());
                        }
                    }
                }
            }
        }
    }

    private static Link declared(Scenario scenario, Map<String, Link> links, String name, Origin origin) {
        Link link = links.get(name);
        if (link == null) {
            throw CdctestException.config(origin + ": link: " + missing(scenario, links, name));
        }
        return link;
    }

    /** The link, which this run routes through a fault point; a configuration error when it does not. */
    private static Link routed(Scenario scenario, Map<String, Link> links, String name, Origin origin) {
        Link link = declared(scenario, links, name, origin);
        if (!link.routable()) {
            throw CdctestException.config(origin + ": link: " + name + " cannot be routed in this run: " + link.unroutable());
        }
        if (!scenario.network().routes(name)) {
            throw CdctestException.config(origin + ": link: " + name + " is not routed: network.route leaves it out ("
                    + scenario.network().origin() + ")");
        }
        return link;
    }

    private static String missing(Scenario scenario, Map<String, Link> links, String name) {
        if (links.isEmpty()) {
            return "this " + scenario.type() + " pipeline declares no network link, so there is no link '" + name + "'";
        }
        return "this " + scenario.type() + " pipeline has no link '" + name + "' (" + Names.closest(name, links.keySet())
                .map(c -> "did you mean '" + c + "'? ").orElse("") + "its links: " + String.join(", ", links.keySet()) + ")";
    }
}
