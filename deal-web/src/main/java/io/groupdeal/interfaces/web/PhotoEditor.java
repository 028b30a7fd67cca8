package io.groupdeal.interfaces.web;

import io.groupdeal.application.photo.PhotoService;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.domain.photo.DealPhoto;
import io.groupdeal.domain.photo.PhotoRepository;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The photos area of the merchant's deal editor: the deal's photos as they are now, cover first. Uploads, the order
 * and deletions go through {@link PhotoUploads} from the page's script (photo-editor.js), with upload progress.
 */
@Named
@RequestScoped
public class PhotoEditor {

    @Inject
    private FacesContext faces;

    @EJB
    private PhotoService photos;

    private List<DealPhoto> current;

    /** The deal being edited (the editor's deal, or its {@code id} parameter); none for a new deal. */
    public String getDealId() {
        String edited = faces.getApplication().evaluateExpressionGet(faces, "#{dealEditor.id}", String.class);
        return edited == null || edited.isBlank()
                ? faces.getExternalContext().getRequestParameterMap().get("id")
                : edited;
    }

    public List<DealPhoto> getPhotos() {
        if (current == null) {
            String dealId = getDealId();
            try {
                current = dealId == null || dealId.isBlank() ? List.of() : photos.list(dealId);
            } catch (NotFound notFound) {
                current = List.of();
            }
        }
        return current;
    }

    public int getMax() {
        return PhotoRepository.MAX_PER_DEAL;
    }
}
