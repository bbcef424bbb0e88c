package dev.parley.banners.banner;

import java.time.Instant;

/** An uploaded image (MyBatis bean). */
public class ImageRow {
    private Long id;
    private long programId;
    private String contentType;
    private byte[] data;
    private Instant createdAt;

    public ImageRow() {
    }

    public ImageRow(long programId, String contentType, byte[] data, Instant createdAt) {
        this.programId = programId;
        this.contentType = contentType;
        this.data = data;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public long getProgramId() { return programId; }
    public void setProgramId(long v) { programId = v; }
    public String getContentType() { return contentType; }
    public void setContentType(String v) { contentType = v; }
    public byte[] getData() { return data; }
    public void setData(byte[] v) { data = v; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant v) { createdAt = v; }
}
