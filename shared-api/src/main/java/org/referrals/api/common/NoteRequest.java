package org.referrals.api.common;

import jakarta.validation.constraints.Size;

/** A body with an optional note. */
public record NoteRequest(@Size(max = Limits.NOTE_MAX) String note) {
}
