package dev.parley.host.partner;

import dev.parley.api.event.EventBus;
import dev.parley.api.event.PartnerJoined;
import dev.parley.api.event.PartnerUpdated;
import dev.parley.api.event.PartnershipStatusChanged;
import dev.parley.api.partner.Partner;
import dev.parley.api.partner.PartnerDirectory;
import dev.parley.api.partner.PartnershipStatus;
import dev.parley.api.user.CurrentUser;
import dev.parley.api.user.Permissions;
import dev.parley.host.account.AccessDeniedException;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Changes brand users make to partners: status and assigned manager. Publishes events after commit. */
public final class PartnerAdminService {

    private final SqlSessionFactory sessions;
    private final PartnerDirectory directory;
    private final EventBus events;

    private final java.time.Clock clock;

    public PartnerAdminService(SqlSessionFactory sessions, PartnerDirectory directory, EventBus events,
            java.time.Clock clock) {
        this.sessions = sessions;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    public void changeStatus(CurrentUser actor, long partnerId, PartnershipStatus status) {
        Partner before = ownPartner(actor, partnerId);
        if (before.status() == status) {
            return;
        }
        try (SqlSession s = sessions.openSession(true)) {
            s.getMapper(PartnerMapper.class).setStatus(actor.programId(), partnerId, status.name());
        }
        events.publish(new PartnershipStatusChanged(actor.programId(), partnerId, before.status(), status));
    }

    public void assignManager(CurrentUser actor, long partnerId, Long managerId) {
        ownPartner(actor, partnerId);
        if (managerId != null && directory.brandUser(actor.programId(), managerId).isEmpty()) {
            throw new AccessDeniedException("That manager is not in your program.");
        }
        try (SqlSession s = sessions.openSession(true)) {
            s.getMapper(PartnerMapper.class).setManager(actor.programId(), partnerId, managerId);
        }
        events.publish(new PartnerUpdated(actor.programId(), partnerId));
    }

    /**
     * Adds a partner company with its first member to the actor's program as a pending application,
     * and announces it ({@link PartnerJoined}).
     *
     * @return the new partner's id
     * @throws IllegalArgumentException when a field is missing or the member e-mail is taken
     */
    public long addPartner(CurrentUser actor, String company, String memberName, String email) {
        if (actor == null || !actor.can(Permissions.MANAGE_PARTNERS)) {
            throw new AccessDeniedException("You may not add partners.");
        }
        String name = company == null ? "" : company.strip();
        String person = memberName == null ? "" : memberName.strip();
        String mail = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        if (name.isEmpty() || person.isEmpty() || !mail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("Company, contact name and a valid e-mail are required.");
        }
        if (!directory.membersByEmail(mail).isEmpty()) {
            throw new IllegalArgumentException("A partner member with the e-mail " + mail + " already exists.");
        }
        java.time.Instant now = clock.instant();
        long id;
        try (SqlSession s = sessions.openSession(false)) {
            PartnerMapper m = s.getMapper(PartnerMapper.class);
            PartnerMapper.PartnerInsert p = new PartnerMapper.PartnerInsert(name, mail, now);
            m.insertPartner(p);
            String first = person.contains(" ") ? person.substring(0, person.indexOf(' ')) : person;
            // The member sets a password through the host's invitation flow; until then no login works.
            m.insertMember(p.id, person, first, mail, null, "!", now);
            m.insertPartnership(actor.programId(), p.id, "PENDING", null, now);
            s.commit();
            id = p.id;
        }
        events.publish(new PartnerJoined(actor.programId(), id));
        return id;
    }

    private Partner ownPartner(CurrentUser actor, long partnerId) {
        if (actor == null || !actor.can(Permissions.MANAGE_PARTNERS)) {
            throw new AccessDeniedException("You may not change partners.");
        }
        return directory.partner(actor.programId(), partnerId)
                .orElseThrow(() -> new AccessDeniedException("No such partner in your program."));
    }
}
