package nl.preventiefonds.assessment.web;

import jakarta.inject.Inject;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import nl.preventiefonds.assessment.AssessmentService;
import nl.preventiefonds.call.CallDirectory;
import nl.preventiefonds.call.CallOption;

/**
 * The ranking of a call's applications in assessment, best score first, with the line where the
 * year budget runs out. Officers and decision makers; the service refuses everyone else.
 */
@Named("rankingView")
@ViewScoped
public class RankingBean implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private AssessmentService assessment;
    @Inject
    private CallDirectory calls;

    private Long callId;
    private List<CallOption> callOptions = List.of();
    private AssessmentService.Ranking ranking;

    public void load() {
        callOptions = calls.options();
        if (callId == null && !callOptions.isEmpty()) {
            callId = callOptions.get(0).getId();
        }
        select();
    }

    public void select() {
        ranking = null;
        if (callId == null) {
            return;
        }
        // Anyone but an officer or decision maker: the service refuses, ProblemExceptionHandlerFactory answers 403.
        ranking = assessment.ranking(callId);
    }

    /** The row before which the money runs out; -1 when everything fits. */
    public int getCutIndex() {
        if (ranking == null) {
            return -1;
        }
        List<AssessmentService.RankedApplication> rows = ranking.rows();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).fits()) {
                return i;
            }
        }
        return -1;
    }

    /** A score with two decimals in the page's language: "7,50". */
    public String score(java.math.BigDecimal score) {
        return nl.preventiefonds.platform.web.FormatBean.decimals(score,
                FacesContext.getCurrentInstance().getViewRoot().getLocale(), 2, 2);
    }

    public Long getCallId() {
        return callId;
    }

    public void setCallId(Long callId) {
        this.callId = callId;
    }

    public List<CallOption> getCallOptions() {
        return callOptions;
    }

    public AssessmentService.Ranking getRanking() {
        return ranking;
    }

    public List<AssessmentService.RankedApplication> getRows() {
        return ranking == null ? List.of() : ranking.rows();
    }

}
