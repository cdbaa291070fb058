package org.referrals.infra.readmodels;

import java.util.List;
import java.util.Optional;
import javax.annotation.Nonnull;
import javax.annotation.Nullable;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A token store that stores a batch's token only after the batch's read-model writes: MongoDB has no transaction
 * here to make both one, so the order is what keeps a crash or a failed write from skipping events.
 * <p>
 * Axon's pooled processor asks for the token to be stored in the batch's prepare-commit phase, registered before
 * the handlers ran, so it came before the projections' bulk writes ({@code MongoBatch}, also prepare-commit): a
 * crash, or a write that failed, between the two left the token past events whose effects were never written, and
 * they were never applied (found by the kill -9 harness, RELIABILITY.md). Here the token is stored in the commit
 * phase, after every prepare-commit handler. A token stored late only means events applied again, which the
 * projections' versions make harmless. (The embedded server keeps everything in memory and is rebuilt at start, so
 * this matters for a real MongoDB.)
 */
public final class TokenAfterProjectionWrites implements TokenStore {

    private final TokenStore delegate;

    TokenAfterProjectionWrites(TokenStore delegate) {
        this.delegate = delegate;
    }

    /** The store the tokens are kept in. */
    public TokenStore delegate() {
        return delegate;
    }

    @Override
    public void storeToken(@Nullable TrackingToken token, @Nonnull String processorName, int segment) {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().phase().isBefore(UnitOfWork.Phase.COMMIT)) {
            CurrentUnitOfWork.get().onCommit(unitOfWork -> delegate.storeToken(token, processorName, segment));
        } else {
            delegate.storeToken(token, processorName, segment);
        }
    }

    @Override
    public void initializeTokenSegments(@Nonnull String processorName, int segmentCount) {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(@Nonnull String processorName, int segmentCount, @Nullable TrackingToken initialToken) {
        delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public TrackingToken fetchToken(@Nonnull String processorName, int segment) {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(@Nonnull String processorName, @Nonnull Segment segment) {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public void extendClaim(@Nonnull String processorName, int segment) throws UnableToClaimTokenException {
        delegate.extendClaim(processorName, segment);
    }

    @Override
    public void releaseClaim(@Nonnull String processorName, int segment) {
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(@Nullable TrackingToken token, @Nonnull String processorName, int segment) {
        delegate.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(@Nonnull String processorName, int segment) throws UnableToClaimTokenException {
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(@Nonnull String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(@Nonnull String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
