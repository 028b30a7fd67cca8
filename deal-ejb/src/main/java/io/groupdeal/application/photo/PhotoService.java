package io.groupdeal.application.photo;

import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.domain.photo.DealPhoto;
import io.groupdeal.domain.photo.PhotoRepository;
import io.groupdeal.domain.shared.Ids;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A merchant admin's photos of the own tenant's deals: upload (checked and re-encoded outside any transaction, then
 * stored, then recorded in a free slot: at most {@link PhotoRepository#MAX_PER_DEAL} per deal, however many upload
 * at once), reorder (the first is the cover) and delete. Another tenant's deal or photo is answered like a missing
 * one. Every statement names the caller's tenant, taken from the authenticated account only.
 */
@Stateless
@RolesAllowed("MERCHANT_ADMIN")
public class PhotoService {

    private static final Logger LOG = Logger.getLogger(PhotoService.class.getName());

    @Inject
    private PhotoRepository photos;

    @Inject
    private MediaStores media;

    @Inject
    private PhotoWork work;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    public List<DealPhoto> list(String dealId) {
        return photos.ofDeal(tenantId(), requireDeal(dealId));
    }

    /**
     * Adds a photo at the end of the deal's order. The picture is checked and scaled before anything is written
     * (413, 415, 422); its renditions are stored, then the photo takes a free slot, or the renditions are removed again
     * and the answer is 409 {@code too-many-photos}.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public DealPhoto upload(String dealId, byte[] bytes, String contentType) {
        String tenant = tenantId();
        requireDeal(dealId);
        if (photos.ofDeal(tenant, dealId).size() >= PhotoRepository.MAX_PER_DEAL) {
            throw tooMany(); // early and cheap; the slots decide below
        }
        Map<PhotoSize, PhotoImages.Rendition> renditions = work.run(() -> PhotoImages.process(bytes, contentType));
        String id = Ids.newId();
        MediaStore store = media.store();
        boolean added = false;
        try {
            renditions
                    .values()
                    .forEach(r -> store.put(MediaStores.key(id, r.size()), PhotoImages.OUTPUT_TYPE, r.bytes()));
            PhotoImages.Rendition large = renditions.get(PhotoSize.LARGE);
            added = photos.add(tenant, new DealPhoto(id, dealId, large.width(), large.height()), clock.instant());
        } finally {
            if (!added) {
                removeMedia(store, id);
            }
        }
        if (!added) {
            throw tooMany();
        }
        return photos.ofDeal(tenant, dealId).stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Removes the photo, then its bytes (a failure there leaves unreachable bytes, never a photo without them). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void delete(String dealId, String photoId) {
        requireDeal(dealId);
        if (!Ids.isWellFormed(photoId) || !photos.remove(tenantId(), dealId, photoId)) {
            throw new NotFound("photo");
        }
        removeMedia(media.store(), photoId);
    }

    /** Puts the deal's photos in the given order, which must name each of them once; the first is the cover. */
    public List<DealPhoto> reorder(String dealId, List<String> order) {
        String tenant = tenantId();
        requireDeal(dealId);
        List<DealPhoto> current = photos.ofDeal(tenant, dealId);
        if (order == null
                || order.size() != current.size()
                || new HashSet<>(order).size() != order.size()
                || !current.stream().map(DealPhoto::id).allMatch(order::contains)) {
            throw new InvalidInput("order", "each-photo-once");
        }
        photos.reorder(tenant, dealId, order);
        return photos.ofDeal(tenant, dealId);
    }

    private void removeMedia(MediaStore store, String photoId) {
        for (PhotoSize size : PhotoSize.values()) {
            try {
                store.delete(MediaStores.key(photoId, size));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not delete the media of photo " + photoId + " (" + size.path() + ")", e);
            }
        }
    }

    private String requireDeal(String dealId) {
        if (!Ids.isWellFormed(dealId) || !photos.dealExists(tenantId(), dealId)) {
            throw new NotFound("deal");
        }
        return dealId;
    }

    private static Clash tooMany() {
        return new Clash("too-many-photos", Reason.of("too-many-photos", PhotoRepository.MAX_PER_DEAL));
    }

    private String tenantId() {
        return caller.account().map(CallerAccount::tenantId).orElseThrow(() -> new NotFound("deal"));
    }
}
