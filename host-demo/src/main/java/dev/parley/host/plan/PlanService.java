package dev.parley.host.plan;

import dev.parley.api.feature.FeatureGate;
import dev.parley.api.partner.Program;
import dev.parley.api.ui.RequestMemo;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.host.account.AccessDeniedException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The plan x feature matrix and the feature gate on top of it. Read from the database once per web
 * request (a page view asks the same question from its access check, the menu, slots and the
 * plugin's services) and on each check outside a request, so an admin's change is effective at the
 * next request on every node, and at once in the request that made it.
 */
public final class PlanService implements FeatureGate {

    private final SqlSessionFactory sessions;
    private final Predicate<String> featureActive;

    /**
     * @param featureActive whether a running plugin declares the feature
     */
    public PlanService(SqlSessionFactory sessions, Predicate<String> featureActive) {
        this.sessions = sessions;
        this.featureActive = featureActive;
    }

    @Override
    public boolean isEnabled(long programId, String featureKey) {
        if (!featureActive.test(featureKey)) {
            return false;
        }
        return RequestMemo.get(new FeatureOfProgram(programId, featureKey), () -> {
            // asked on every plugin request: an autocommit session is one round trip, not three
            try (SqlSession s = sessions.openSession(true)) {
                return Boolean.TRUE.equals(s.getMapper(PlanMapper.class).enabledFor(programId, featureKey));
            }
        });
    }

    /** The key of a remembered feature check. */
    private record FeatureOfProgram(long programId, String featureKey) {
    }

    /** After a write to plans or programs: this request asks the database again. */
    private static void forgetChecks() {
        RequestMemo.forget(k -> k instanceof FeatureOfProgram);
    }

    /** Writes a feature's default plans the first time the feature is seen; later edits win. */
    public void applyDefaults(String featureKey, Set<String> defaultPlans) {
        try (SqlSession s = sessions.openSession(true)) {
            PlanMapper m = s.getMapper(PlanMapper.class);
            for (String plan : m.planKeys()) {
                m.insertDefault(plan, featureKey, defaultPlans.contains(plan));
            }
        }
        forgetChecks();
    }

    public List<String> plans() {
        try (SqlSession s = sessions.openSession()) {
            return s.getMapper(PlanMapper.class).planKeys();
        }
    }

    /** @return plan -> enabled feature keys */
    public Map<String, Set<String>> matrix() {
        Map<String, Set<String>> result = new HashMap<>();
        try (SqlSession s = sessions.openSession()) {
            for (PlanFeatureRow row : s.getMapper(PlanMapper.class).matrix()) {
                Set<String> features = result.computeIfAbsent(row.planKey(), k -> new java.util.TreeSet<>());
                if (row.enabled()) {
                    features.add(row.featureKey());
                }
            }
        }
        return result;
    }

    /** Saves the whole matrix in one transaction. Only Account Admins may. */
    public void saveMatrix(CurrentUser actor, Map<String, Set<String>> enabledByPlan, Set<String> features) {
        requireAdmin(actor);
        try (SqlSession s = sessions.openSession(false)) {
            PlanMapper m = s.getMapper(PlanMapper.class);
            for (String plan : m.planKeys()) {
                Set<String> on = enabledByPlan.getOrDefault(plan, Set.of());
                for (String feature : features) {
                    m.setEnabled(plan, feature, on.contains(feature));
                }
            }
            s.commit();
        }
        forgetChecks();
    }

    public Program program(long programId) {
        try (SqlSession s = sessions.openSession(true)) {
            return s.getMapper(PlanMapper.class).program(programId);
        }
    }

    /** @return every program; platform admins only */
    public List<Program> programs(CurrentUser actor) {
        requirePlatformAdmin(actor);
        try (SqlSession s = sessions.openSession()) {
            return s.getMapper(PlanMapper.class).programs();
        }
    }

    /** Moves a program to another plan; platform admins only. */
    public void changePlan(CurrentUser actor, long programId, String plan) {
        requirePlatformAdmin(actor);
        if (!plans().contains(plan)) {
            throw new IllegalArgumentException("Unknown plan: " + plan);
        }
        try (SqlSession s = sessions.openSession(true)) {
            s.getMapper(PlanMapper.class).setProgramPlan(programId, plan);
        }
        forgetChecks();
    }

    private static void requireAdmin(CurrentUser actor) {
        if (actor == null || !actor.can(Permissions.ADMINISTER)) {
            throw new AccessDeniedException("Only an Account Admin can change the plan matrix.");
        }
    }

    private static void requirePlatformAdmin(CurrentUser actor) {
        if (actor == null || !actor.platformAdmin()) {
            throw new AccessDeniedException("Only a platform admin can move programs between plans.");
        }
    }
}
