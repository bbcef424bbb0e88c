package dev.parley.banners.banner;

/** Receives a generated key from MyBatis. */
public class IdHolder {
    private Long id;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
}
