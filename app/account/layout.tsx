import { userPagesLayout } from "@/components/UserHeader";

export default userPagesLayout("account");
