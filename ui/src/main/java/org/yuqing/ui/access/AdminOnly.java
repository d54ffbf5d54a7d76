package org.yuqing.ui.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a view that only administrators (role ADMIN, 管理员) may open. Anyone else who navigates to it gets the
 * access-denied view instead, and the view itself is never built.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AdminOnly {
}
