package nl.preventiefonds.municipality;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** The directory's event outside a container: hands each {@link MunicipalityCreated} to the given observer. */
public final class CreatedEvents implements Event<MunicipalityCreated> {
    private final Consumer<MunicipalityCreated> observer;
    private final List<MunicipalityCreated> fired = new ArrayList<>();

    public CreatedEvents(Consumer<MunicipalityCreated> observer) {
        this.observer = observer;
    }

    public List<MunicipalityCreated> fired() {
        return fired;
    }

    @Override
    public void fire(MunicipalityCreated event) {
        fired.add(event);
        observer.accept(event);
    }

    @Override
    public <U extends MunicipalityCreated> CompletionStage<U> fireAsync(U event) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends MunicipalityCreated> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Event<MunicipalityCreated> select(Annotation... qualifiers) {
        return this;
    }

    @Override
    public <U extends MunicipalityCreated> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <U extends MunicipalityCreated> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
        throw new UnsupportedOperationException();
    }
}
