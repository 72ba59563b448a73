/** Virtual keys through the admin API: {@code /api/admin/v1/keys}. */
@NullMarked
package dev.meridian.admin.keys;

import org.jspecify.annotations.NullMarked;
