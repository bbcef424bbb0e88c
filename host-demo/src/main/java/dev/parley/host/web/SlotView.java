package dev.parley.host.web;

import dev.parley.api.ui.HostSlot;
import dev.parley.api.ui.SlotContext;
import dev.parley.api.ui.SlotPanel;
import dev.parley.api.user.CurrentUser;
import org.apache.wicket.Component;
import org.apache.wicket.markup.repeater.RepeatingView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A named place in a host page filled with the panels running plugins contribute, filtered by plan
 * feature and permission. A panel that fails to build is left out and logged: one broken plugin
 * never breaks a host page.
 */
public class SlotView extends RepeatingView {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SlotView.class);

    public SlotView(String id, HostSlot slot, SlotContext context) {
        super(id);
        HostApplication app = HostApplication.get();
        CurrentUser viewer = context.viewer();
        for (SlotPanel panel : app.host().registry().slotPanels(slot)) {
            if (panel.requiredFeature() != null
                    && !app.host().plans().isEnabled(context.programId(), panel.requiredFeature())) {
                continue;
            }
            if (panel.requiredPermission() != null && !viewer.can(panel.requiredPermission())) {
                continue;
            }
            try {
                Component c = panel.factory().create(newChildId(), context);
                if (c != null) {
                    add(c);
                }
            } catch (RuntimeException | LinkageError e) {
                LOG.error("Slot panel for {} failed", slot, e);
            }
        }
    }
}
