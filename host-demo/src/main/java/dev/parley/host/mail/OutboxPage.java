package dev.parley.host.mail;

import dev.parley.api.ui.Area;
import dev.parley.api.ui.PageAccess;
import dev.parley.api.user.Permissions;
import dev.parley.host.web.HostPage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.LoadableDetachableModel;

/**
 * The demo outbox: the latest 100 e-mails the demo mailer "sent" to members of this program's
 * partners (only when no SMTP server is configured).
 */
@PageAccess(area = Area.BRAND, permission = Permissions.ADMINISTER)
public class OutboxPage extends HostPage {

    private static final long serialVersionUID = 1L;

    @Override
    protected void onInitialize() {
        super.onInitialize();
        long program = user().programId();
        add(new ListView<>("mails", LoadableDetachableModel.of(() -> latest(program))) {
            private static final long serialVersionUID = 1L;

            @Override
            protected void populateItem(ListItem<Mail> item) {
                Mail m = item.getModelObject();
                item.add(new Label("to", m.to()));
                item.add(new Label("subject", m.subject()));
                item.add(new Label("sentAt", java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM)
                        .withLocale(getLocale()).format(m.sentAt().atZone(user().zoneId()))));
                item.add(new Label("body", m.body()));
            }
        });
    }

    private static List<Mail> latest(long programId) {
        String sql = "SELECT o.to_addr, o.subject, o.body, o.sent_at FROM mail_outbox o "
                + "WHERE EXISTS (SELECT 1 FROM partner_member m JOIN partnership ps ON ps.partner_id = m.partner_id "
                + "AND ps.program_id = ? WHERE m.email = o.to_addr) ORDER BY o.id DESC LIMIT 100";
        List<Mail> result = new ArrayList<>();
        try (Connection c = host().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, programId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Mail(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    record Mail(String to, String subject, String body, Instant sentAt) implements Serializable {
    }
}
