/** Who may call Meridian's APIs: the master key, shared by the client and admin APIs, and admin keys. */
@NullMarked
package dev.meridian.admin.security;

import org.jspecify.annotations.NullMarked;
