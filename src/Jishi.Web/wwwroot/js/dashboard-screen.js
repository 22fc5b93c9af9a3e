// The meeting-room screen (/dashboard/screen) starts here: a file, not an inline module, for the Content-Security-Policy.
import { screen } from "./dashboard.js";

screen(document.querySelector(".dash-screen"));
