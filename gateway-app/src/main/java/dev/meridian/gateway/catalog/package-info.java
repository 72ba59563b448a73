/**
 * The model catalog: what each provider model costs per million tokens and how many tokens it takes,
 * shipped with the gateway and extended or corrected by the operator's own file.
 */
@NullMarked
package dev.meridian.gateway.catalog;

import org.jspecify.annotations.NullMarked;
