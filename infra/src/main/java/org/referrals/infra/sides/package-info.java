/**
 * Which side runs in this process. One jar runs both by default; with profile {@code command} or {@code query}
 * it runs one side only, so the sides can be deployed and scaled apart (they then share a PostgreSQL event store
 * or Axon Server and an external MongoDB: the embedded H2 file can be opened by one process only).
 */
package org.referrals.infra.sides;
