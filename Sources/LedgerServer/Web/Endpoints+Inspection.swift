import Hummingbird
import LedgerInspection

extension Endpoints {
    /// The inspection model's view for a page, or the page to send instead: 503 with `Retry-After` while the model
    /// is being prepared (the first start on a large ledger), 500 naming the reason when it could not be made.
    func inspectionView(_ frame: WebFrame) -> Result<InspectionView, WebPageRefusal> {
        if let view = inspection.view { return .success(view) }
        guard let reason = inspection.failure else {
            var response = WebReply.html(.serviceUnavailable, frame.message("preparing", "preparingModel"))
            response.headers[.retryAfter] = String(settings.retryAfterSeconds)
            return .failure(WebPageRefusal(response))
        }
        return .failure(WebPageRefusal(WebReply.html(.internalServerError, frame.message("failed", reason))))
    }

    /// `page` made with the inspection model's view, or the page ``inspectionView(_:)`` sends instead.
    func withInspectionView(_ frame: WebFrame, _ page: (InspectionView) -> Response) -> Response {
        switch inspectionView(frame) {
        case .failure(let refusal): return refusal.response
        case .success(let view): return page(view)
        }
    }
}
