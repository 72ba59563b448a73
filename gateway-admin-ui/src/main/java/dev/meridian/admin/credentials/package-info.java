/** Provider credentials through the admin API: {@code /api/admin/v1/credentials}, for platform admins. */
@NullMarked
package dev.meridian.admin.credentials;

import org.jspecify.annotations.NullMarked;
