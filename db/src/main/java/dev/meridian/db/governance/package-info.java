/**
 * Governance records and their stores: teams, virtual keys, console users and memberships, provider
 * credentials (encrypted at rest) and the audit log. The admin API writes them; the request path reads
 * them once into memory ({@code findAllForSnapshot}) and then one row at a time as notifications arrive.
 */
@NullMarked
package dev.meridian.db.governance;

import org.jspecify.annotations.NullMarked;
