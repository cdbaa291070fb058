/**
 * The query side: MongoDB projections, query handlers and query endpoints (built in later issues). It depends on
 * {@code shared-api} only, never on the command side; infrastructure it needs is reached through ports such as
 * {@link org.referrals.query.caseregistry.PersonalDataReader}, implemented in {@code infra}.
 */
package org.referrals.query;
