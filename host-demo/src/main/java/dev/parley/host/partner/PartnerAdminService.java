package dev.parley.host.partner;

import dev.parley.api.event.EventBus;
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

    public PartnerAdminService(SqlSessionFactory sessions, PartnerDirectory directory, EventBus events) {
        this.sessions = sessions;
        this.directory = directory;
        this.events = events;
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

    private Partner ownPartner(CurrentUser actor, long partnerId) {
        if (actor == null || !actor.can(Permissions.MANAGE_PARTNERS)) {
            throw new AccessDeniedException("You may not change partners.");
        }
        return directory.partner(actor.programId(), partnerId)
                .orElseThrow(() -> new AccessDeniedException("No such partner in your program."));
    }
}
