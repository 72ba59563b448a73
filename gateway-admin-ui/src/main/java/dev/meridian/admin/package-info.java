/** The admin side of Meridian: the admin REST API under {@code /api/admin/v1} and its security. */
@NullMarked
package dev.meridian.admin;

import org.jspecify.annotations.NullMarked;
