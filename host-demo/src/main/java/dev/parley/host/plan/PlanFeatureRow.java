package dev.parley.host.plan;

/** One cell of the plan x feature matrix. */
public record PlanFeatureRow(String planKey, String featureKey, boolean enabled) {
}
