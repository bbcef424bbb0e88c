package dev.parley.banners.display;

import dev.parley.api.plugin.Host;
import dev.parley.api.user.CurrentUser;
import dev.parley.banners.BannersPlugin;
import dev.parley.banners.banner.ImageRow;
import java.util.Optional;
import org.apache.wicket.request.http.WebResponse;
import org.apache.wicket.request.resource.AbstractResource;
import org.apache.wicket.request.resource.IResource;
import org.apache.wicket.request.resource.ResourceReference;
import java.time.Duration;

/**
 * The banners plugin's resources at fixed URLs: banner images (for members and brand users of the
 * image's program) and the call-to-action redirect that records the click. Both check the logged-in
 * user themselves; ids from the URL are never trusted beyond the viewer's program.
 */
public final class BannerResources {

    /** {@code ?banner=<id>}: records a click and redirects to the personalised link. */
    public static final ResourceReference CLICK = new ResourceReference(BannerResources.class, "click") {
        private static final long serialVersionUID = 1L;

        @Override
        public IResource getResource() {
            return new ClickResource();
        }
    };

    /** {@code ?id=<imageId>}: a banner image. */
    public static final ResourceReference IMAGE = new ResourceReference(BannerResources.class, "image") {
        private static final long serialVersionUID = 1L;

        @Override
        public IResource getResource() {
            return new ImageResource();
        }
    };

    private BannerResources() {
    }

    private static Optional<CurrentUser> viewer() {
        return Host.services().currentUser();
    }

    private static long id(IResource.Attributes attributes, String name) {
        try {
            return attributes.getParameters().get(name).toLong(-1);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Records the click of a banner the member can see, then redirects; 404 otherwise. */
    static final class ClickResource implements IResource {
        private static final long serialVersionUID = 1L;

        @Override
        public void respond(Attributes attributes) {
            WebResponse response = (WebResponse) attributes.getResponse();
            long bannerId = id(attributes, "banner");
            Optional<String> target = viewer().flatMap(v -> BannersPlugin.get().services().display().click(v, bannerId));
            if (target.isEmpty()) {
                // a link people follow: the host answers with its own "not found" page
                throw new org.apache.wicket.request.http.flow.AbortWithHttpErrorCodeException(404);
            }
            response.disableCaching();
            response.sendRedirect(target.get());
        }
    }

    /** Serves an image of the viewer's program with the type detected at upload. */
    static final class ImageResource extends AbstractResource {
        private static final long serialVersionUID = 1L;

        @Override
        protected ResourceResponse newResourceResponse(Attributes attributes) {
            ResourceResponse r = new ResourceResponse();
            long id = id(attributes, "id");
            var services = BannersPlugin.get().services();
            Optional<ImageRow> image = viewer().flatMap(v -> services.banners().image(v, id,
                    imageId -> services.display().active(v, null).stream().anyMatch(b -> Long.valueOf(imageId).equals(b.imageId()))));
            if (image.isEmpty()) {
                r.setError(404);
                return r;
            }
            byte[] data = image.get().getData();
            r.setContentType(image.get().getContentType());
            r.setContentLength(data.length);
            r.getHeaders().addHeader("X-Content-Type-Options", "nosniff");
            r.setCacheDuration(Duration.ofHours(1));
            r.setCacheScope(org.apache.wicket.request.http.WebResponse.CacheScope.PRIVATE);
            r.setWriteCallback(new WriteCallback() {
                @Override
                public void writeData(Attributes a) {
                    a.getResponse().write(data);
                }
            });
            return r;
        }
    }
}
