/** Where the money went: the spend ledger and its daily rollups, as JSON or CSV, within the caller's teams. */
@NullMarked
package dev.meridian.admin.spend;

import org.jspecify.annotations.NullMarked;
