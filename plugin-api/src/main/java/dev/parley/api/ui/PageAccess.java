package dev.parley.api.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may open a page. The host enforces it before the page is created and again before a stored
 * page is rendered: anonymous users are sent to the login page, users of the wrong area or without
 * the permission get 403, and a program whose plan lacks the feature gets 404.
 *
 * <p>Pages must still check access to the data they show in the service layer.
 *
 * @since 1.0
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PageAccess {

    /** @return the area of the page */
    Area area();

    /** @return feature key the program's plan must include; empty for none */
    String feature() default "";

    /** @return permission a brand user must hold; empty for none */
    String permission() default "";
}
