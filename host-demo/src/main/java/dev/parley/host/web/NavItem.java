package dev.parley.host.web;

import java.io.Serializable;
import org.apache.wicket.Page;

/**
 * One entry of the main navigation.
 *
 * @param label text in the viewer's language
 * @param page target page
 * @param badge count to show, 0 for none
 */
record NavItem(String label, Class<? extends Page> page, long badge) implements Serializable {
}
