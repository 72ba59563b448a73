/** Teams through the admin API: {@code /api/admin/v1/teams}. */
@NullMarked
package dev.meridian.admin.teams;

import org.jspecify.annotations.NullMarked;
