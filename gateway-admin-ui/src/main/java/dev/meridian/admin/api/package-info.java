/**
 * What every admin API endpoint shares: the OpenAI-style error envelope, strict reading of JSON
 * bodies with field-by-field problems, paging and ids.
 */
@NullMarked
package dev.meridian.admin.api;

import org.jspecify.annotations.NullMarked;
