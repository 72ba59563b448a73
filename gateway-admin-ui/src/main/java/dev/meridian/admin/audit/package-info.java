/** The audit log: one entry per change made through the admin API, and the endpoint that lists them. */
@NullMarked
package dev.meridian.admin.audit;

import org.jspecify.annotations.NullMarked;
