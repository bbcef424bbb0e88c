package dev.parley.messaging.broadcast;

import dev.parley.api.partner.PartnerRule;
import dev.parley.messaging.audience.Audience;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the compose page edits: the content, audience and options of one bulk message. */
public final class BulkDraft implements Serializable {

    private static final long serialVersionUID = 1L;

    public Long id;
    public String subject = "";
    public String body = "";
    public Audience.Mode mode = Audience.Mode.ALL;
    public Set<Long> specific = new LinkedHashSet<>();
    public List<List<PartnerRule>> groups = new ArrayList<>();
    public Set<Long> excluded = new LinkedHashSet<>();
    public Long savedAudienceId;
    public boolean allowReplies = true;
    public boolean emailCopy = true;
    public List<Long> offerIds = new ArrayList<>();
    public Map<String, String> fallbacks = new LinkedHashMap<>();
    /** Schedule time in the sender's zone; {@code null} when not scheduled. */
    public LocalDateTime scheduleAt;
    public BulkStatus status = BulkStatus.DRAFT;

    public Audience audience() {
        return new Audience(mode, specific, groups, excluded);
    }

    public void setAudience(Audience a) {
        mode = a.mode();
        specific = new LinkedHashSet<>(a.specific());
        groups = new ArrayList<>();
        a.groups().forEach(g -> groups.add(new ArrayList<>(g)));
        excluded = new LinkedHashSet<>(a.excluded());
    }

    /** @return subject and body, for macro checks */
    public String text() {
        return (subject == null ? "" : subject) + "\n" + (body == null ? "" : body);
    }
}
