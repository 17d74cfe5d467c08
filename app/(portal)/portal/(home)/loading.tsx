import { PortalLoading } from "../_components/portal-loading";

export default PortalLoading;
