package dev.parley.messaging.inbox;

import dev.parley.api.partner.PartnershipStatus;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * What the inbox shows: a view and any combination of filters. Kept in the page's URL (see
 * {@link #toParameters()}), so a filtered view can be bookmarked and shared. Values are never
 * trusted: the query is always scoped to the viewer's program.
 *
 * @param managerId assigned manager; 0 for conversations nobody is assigned to
 */
public record InboxFilter(InboxView view, String tag, Long managerId, PartnershipStatus partnershipStatus,
        Long offerId, String client, Long partnerId) implements Serializable {

    public InboxFilter {
        view = view == null ? InboxView.ALL : view;
        tag = blankToNull(tag);
        client = blankToNull(client);
    }

    public static InboxFilter all() {
        return new InboxFilter(InboxView.ALL, null, null, null, null, null, null);
    }

    /** Reads the filter from URL parameters; unknown or malformed values are ignored. */
    public static InboxFilter of(PageParameters p) {
        return new InboxFilter(parseEnum(InboxView.class, p.get("view").toOptionalString()),
                cut(p.get("tag").toOptionalString()), parseLong(p.get("manager").toOptionalString()),
                parseEnum(PartnershipStatus.class, p.get("status").toOptionalString()),
                parseLong(p.get("offer").toOptionalString()), cut(p.get("client").toOptionalString()),
                parseLong(p.get("partner").toOptionalString()));
    }

    public PageParameters toParameters() {
        PageParameters p = new PageParameters();
        if (view != InboxView.ALL) {
            p.set("view", view.name().toLowerCase(Locale.ROOT));
        }
        setIf(p, "tag", tag);
        setIf(p, "manager", managerId);
        setIf(p, "status", partnershipStatus == null ? null : partnershipStatus.name().toLowerCase(Locale.ROOT));
        setIf(p, "offer", offerId);
        setIf(p, "client", client);
        setIf(p, "partner", partnerId);
        return p;
    }

    public InboxFilter withView(InboxView v) {
        return new InboxFilter(v, tag, managerId, partnershipStatus, offerId, client, partnerId);
    }

    public InboxFilter withPartner(Long id) {
        return new InboxFilter(view, tag, managerId, partnershipStatus, offerId, client, id);
    }

    /** @return whether any filter besides the view is set */
    public boolean filtered() {
        return !keys().isEmpty();
    }

    /**
     * @return the index keys the filters select, most selective first (the first one drives the
     *         index range, the others are checked per row)
     */
    List<InboxKeys.Key> keys() {
        List<InboxKeys.Key> keys = new ArrayList<>();
        if (partnerId != null) {
            keys.add(new InboxKeys.Key(InboxKeys.PARTNER, partnerId.toString()));
        }
        if (managerId != null) {
            keys.add(new InboxKeys.Key(InboxKeys.MANAGER, managerId.toString()));
        }
        if (offerId != null) {
            keys.add(new InboxKeys.Key(InboxKeys.OFFER, offerId.toString()));
        }
        if (tag != null) {
            keys.add(new InboxKeys.Key(InboxKeys.TAG, tag));
        }
        if (client != null) {
            keys.add(new InboxKeys.Key(InboxKeys.CLIENT, client));
        }
        if (partnershipStatus != null) {
            keys.add(new InboxKeys.Key(InboxKeys.STATUS, partnershipStatus.name()));
        }
        return keys;
    }

    private static void setIf(PageParameters p, String name, Object value) {
        if (value != null) {
            p.set(name, value.toString());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String cut(String s) {
        return s == null ? null : s.length() > 200 ? s.substring(0, 200) : s;
    }

    private static Long parseLong(String s) {
        try {
            return s == null ? null : Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String s) {
        try {
            return s == null ? null : Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
