package io.cdctest.pipeline.matrixone;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MatrixOne version, from {@code SELECT version()} ({@code 8.0.30-MatrixOne-v3.0.0-...}), and the
 * syntax that version has (matrixone.md §1.1, §1.2, §1.8, §2.1).
 */
public record MoVersion(int major, int minor, int patch, String text) implements Comparable<MoVersion> {
    private static final Pattern VERSION = Pattern.compile("MatrixOne-v?(\\d+)\\.(\\d+)\\.(\\d+)", Pattern.CASE_INSENSITIVE);

    /** The version cdctest is built and dry-run against. */
    public static final MoVersion DEFAULT = new MoVersion(4, 2, 0, "4.2.0");

    public static MoVersion parse(String versionText) {
        Matcher m = VERSION.matcher(versionText == null ? "" : versionText);
        if (!m.find()) {
            throw new IllegalArgumentException("not a MatrixOne version: '" + versionText + "'");
        }
        return new MoVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                versionText);
    }

    public static MoVersion of(int major, int minor, int patch) {
        return new MoVersion(major, minor, patch, major + "." + minor + "." + patch);
    }

    public MoVersion withText(String versionText) {
        return new MoVersion(major, minor, patch, versionText);
    }

    public boolean atLeast(int major, int minor, int patch) {
        return compareTo(of(major, minor, patch)) >= 0;
    }

    @Override
    public int compareTo(MoVersion o) {
        int c = Integer.compare(major, o.major);
        c = c != 0 ? c : Integer.compare(minor, o.minor);
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    /** CREATE CDC with Level and a PITR requirement exists from 2.1.0 (2.0.0 knew account level only). */
    public boolean hasLeveledCdc() {
        return atLeast(2, 1, 0);
    }

    /** 2.1.x spells the options StartTS/EndTS; 2.2 and later StartTs/EndTs. */
    public String startTsKey() {
        return atLeast(2, 2, 0) ? "StartTs" : "StartTS";
    }

    public String endTsKey() {
        return atLeast(2, 2, 0) ? "EndTs" : "EndTS";
    }

    /** CCPR (publication subscriptions across clusters) exists from 4.0.0-rc1. */
    public boolean hasCcpr() {
        return major >= 4;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
