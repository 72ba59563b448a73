/** The spend ledger: one row per client request, written in batches off the request path, and its daily rollups. */
@NullMarked
package dev.meridian.db.ledger;

import org.jspecify.annotations.NullMarked;
