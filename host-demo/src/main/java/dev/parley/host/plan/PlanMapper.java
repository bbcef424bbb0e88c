package dev.parley.host.plan;

import dev.parley.api.partner.Program;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Plans, programs and the plan x feature matrix. SQL in PlanMapper.xml. */
public interface PlanMapper {

    Boolean enabledFor(@Param("programId") long programId, @Param("feature") String feature);

    List<String> planKeys();

    List<PlanFeatureRow> matrix();

    int insertDefault(@Param("plan") String plan, @Param("feature") String feature, @Param("enabled") boolean enabled);

    int setEnabled(@Param("plan") String plan, @Param("feature") String feature, @Param("enabled") boolean enabled);

    List<Program> programs();

    Program program(@Param("id") long id);

    int setProgramPlan(@Param("programId") long programId, @Param("plan") String plan);
}
