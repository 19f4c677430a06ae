// Progressive enhancement only: every page works without JavaScript.
import { initAll as initGovUk } from "govuk-frontend";
import { initAll as initMoj } from "@ministryofjustice/frontend";

initGovUk();
initMoj();
