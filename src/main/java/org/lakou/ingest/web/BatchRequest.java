package org.lakou.ingest.web;

import jakarta.validation.constraints.NotBlank;

/** A server-side folder to import, as an absolute path on the server. */
record BatchRequest(@NotBlank String directory) {
}
