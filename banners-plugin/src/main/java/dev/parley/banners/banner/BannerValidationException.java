package dev.parley.banners.banner;

import java.util.List;

/** A banner draft was refused; {@link #problems()} says why, field by field. */
public class BannerValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<BannerProblem> problems;

    public BannerValidationException(List<BannerProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<BannerProblem> problems() {
        return problems;
    }

    /** @return whether a problem with the key was found */
    public boolean has(String key) {
        return problems.stream().anyMatch(p -> p.key().equals(key));
    }
}
