package io.cdctest.check;

/** What a comparison concluded. UNKNOWN: a budget (time) ran out before every row was checked and nothing differed so far. */
public enum Verdict {
    EQUAL, DIFFERENT, UNKNOWN
}
