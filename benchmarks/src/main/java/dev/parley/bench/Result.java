package dev.parley.bench;

/**
 * One line of the report: what was measured, its baseline from the same run, and the verdict.
 *
 * @param scenario scenario name
 * @param variant the case within the scenario
 * @param metric what the numbers are (e.g. "p99 ms")
 * @param parley Parley's figure
 * @param baseline the raw baseline's figure
 * @param ratio parley / baseline
 * @param target the target in words
 * @param met whether the target is met
 * @param detail extra figures (p50 etc.)
 */
record Result(String scenario, String variant, String metric, double parley, double baseline, double ratio,
        String target, boolean met, String detail) {
}
