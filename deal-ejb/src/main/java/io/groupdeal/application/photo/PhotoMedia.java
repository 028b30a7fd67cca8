package io.groupdeal.application.photo;

import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.domain.account.Role;
import io.groupdeal.domain.photo.PhotoRepository;
import io.groupdeal.domain.shared.Ids;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * A photo's bytes for anyone who may see its deal: a visitor those of deals the catalog shows, a merchant also all of
 * the own tenant's (drafts), the operator every one (deals in review). Anything else is answered like a missing photo.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PhotoMedia {

    @Inject
    private PhotoRepository photos;

    @Inject
    private MediaStores media;

    @Inject
    private Caller caller;

    /**
     * Whether the caller may see the photo, and whether anyone may (true: a public photo, which shared caches may keep;
     * false: one only its merchant or the operator sees). Not found otherwise.
     */
    public boolean open(String photoId) {
        if (!Ids.isWellFormed(photoId)) {
            throw new NotFound("photo");
        }
        String tenant = caller.account().map(CallerAccount::tenantId).orElse(null);
        boolean operator =
                caller.account().map(a -> a.role() == Role.PLATFORM_ADMIN).orElse(false);
        return photos.visible(photoId, tenant, operator)
                .orElseThrow(() -> new NotFound("photo"))
                .open();
    }

    /** The JPEG bytes of a photo the caller may see ({@link #open} checks that first) at {@code size}. */
    public byte[] bytes(String photoId, PhotoSize size) {
        open(photoId);
        return media.store().get(MediaStores.key(photoId, size)).orElseThrow(() -> new NotFound("photo"));
    }
}
