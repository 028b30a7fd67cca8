package io.groupdeal.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that the build made, deployed as it is: the tests see exactly what runs in production. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("deal.it.war")));
    }
}
