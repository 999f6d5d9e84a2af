; Pas à Pas installer for Windows 10/11 (64-bit), built on Linux by
; `make installer`: makensis -DVERSION=… -DDIST=… packaging/windows/pasapas.nsi
;
; Installs for every account of the PC (Program Files, Start menu of all
; users), registers an uninstaller, and can start the kiosk at every logon.
; Silent install: setup.exe /S, with /AUTOSTART to tick that option and
; /CODE=4821 to choose the mediator code (otherwise asked at first start).
; The kiosk's data (%AppData%\pasapas of each account) is never removed;
; the installer's mediator code (%ProgramData%\pasapas) goes with it.

; A 64-bit installer, like the program: Windows 10 64-bit is the target.
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel admin

!include MUI2.nsh
!include LogicLib.nsh
!include x64.nsh
!include WinVer.nsh
!include FileFunc.nsh
!include nsDialogs.nsh
!include WinMessages.nsh

!define NAME "Pas à Pas"
!define ID "fr.pasapas.kiosk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${ID}"
!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"
!define RUN_VALUE "PasAPas"

Name "${NAME}"
OutFile "${DIST}\pasapas-${VERSION}-setup.exe"
InstallDir "$PROGRAMFILES64\Pas a Pas"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1036 "ProductName" "${NAME}"
VIAddVersionKey /LANG=1036 "FileDescription" "Installation de ${NAME}"
VIAddVersionKey /LANG=1036 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1036 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1036 "LegalCopyright" "${NAME}"

!define MUI_ICON "${DIST}\windows\res\pasapas.ico"
!define MUI_UNICON "${DIST}\windows\res\pasapas.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_SMALLDESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\pasapas.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Lancer ${NAME} maintenant"
!define MUI_FINISHPAGE_RUN_NOTCHECKED

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
Page custom CodePage CodePageLeave
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "French"

Section "${NAME} (programme et menu Démarrer)" SecMain
  SectionIn RO
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  File "${DIST}\pasapas.exe"
  File "LISEZMOI.txt"
  ; The embedded fonts' licences (SIL OFL 1.1) travel with the program.
  File "..\..\assets\fonts\Andika-LICENSE.txt"
  File "..\..\assets\fonts\NotoSansArabicUI-LICENSE.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${NAME}.lnk" "$INSTDIR\pasapas.exe"

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\pasapas.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

; The mediator code, for every account of the PC: the kiosk's data is per
; account, and this installer may run as another one. pasapas.exe keeps
; only its hash (%ProgramData%\pasapas); it gets the code through its
; environment, never its command line, which every account can read.
Var Code
Var CodeField
Var CodeAgain
Section "-Code médiateur"
  ${If} $Code != ""
    System::Call 'Kernel32::SetEnvironmentVariable(t "PASAPAS_CODE_MEDIATEUR", t "$Code")i'
    ExecWait '"$INSTDIR\pasapas.exe" set-pin --every-account' $0
    System::Call 'Kernel32::SetEnvironmentVariable(t "PASAPAS_CODE_MEDIATEUR", p 0)i'
    ${If} $0 != 0
      MessageBox MB_OK|MB_ICONEXCLAMATION "Le code médiateur n'a pas été enregistré. Il faut de 4 à 8 chiffres. La borne le demandera à son premier démarrage." /SD IDOK
      SetErrorLevel 2
    ${EndIf}
  ${EndIf}
SectionEnd

Function CodePage
  !insertmacro MUI_HEADER_TEXT "Code médiateur" "Le code qui ouvre la console du médiateur."
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateLabel} 0 0 100% 40u "Choisissez un code de 4 à 8 chiffres. Il ouvre la console du médiateur, pour tous les comptes de ce PC. Gardez-le pour l'équipe.$\r$\n$\r$\nVous pouvez laisser vide : la borne le demandera à son premier démarrage."
  ${NSD_CreateLabel} 0 50u 45% 12u "Code médiateur :"
  ${NSD_CreatePassword} 45% 48u 30% 13u "$Code"
  Pop $CodeField
  ${NSD_AddStyle} $CodeField ${ES_NUMBER}
  SendMessage $CodeField ${EM_LIMITTEXT} 8 0
  ${NSD_CreateLabel} 0 70u 45% 12u "Le même code, encore une fois :"
  ${NSD_CreatePassword} 45% 68u 30% 13u "$Code"
  Pop $CodeAgain
  ${NSD_AddStyle} $CodeAgain ${ES_NUMBER}
  SendMessage $CodeAgain ${EM_LIMITTEXT} 8 0
  nsDialogs::Show
FunctionEnd

Function CodePageLeave
  ${NSD_GetText} $CodeField $0
  ${NSD_GetText} $CodeAgain $1
  StrLen $2 $0
  ${If} $0 != $1
    MessageBox MB_OK|MB_ICONEXCLAMATION "Les deux codes sont différents. Tapez le même code deux fois."
    Abort
  ${ElseIf} $2 > 0
  ${AndIf} $2 < 4
    MessageBox MB_OK|MB_ICONEXCLAMATION "Le code a au moins 4 chiffres."
    Abort
  ${EndIf}
  StrCpy $Code $0
FunctionEnd

; Off by default: it starts the kiosk at the logon of every account, the
; administrator's too. Use it on a PC that is only a kiosk.
Section /o "Lancer la borne à l'ouverture de session" SecAutostart
  WriteRegStr HKLM "${RUN_KEY}" "${RUN_VALUE}" '"$INSTDIR\pasapas.exe"'
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecMain} "Le programme, et son raccourci dans le menu Démarrer pour tous les comptes."
  !insertmacro MUI_DESCRIPTION_TEXT ${SecAutostart} "Pour tous les comptes du PC, l'administrateur compris : à cocher seulement sur un PC réservé à la borne."
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Function .onInit
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "${NAME} demande Windows 10 ou plus récent, en 64 bits." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/AUTOSTART" $1
  ${IfNot} ${Errors}
    SectionSetFlags ${SecAutostart} ${SF_SELECTED}
  ${EndIf}
  ClearErrors
  ${GetOptions} $0 "/CODE=" $Code
FunctionEnd

Function un.onInit
  SetRegView 64
FunctionEnd

Section "Uninstall"
  SetShellVarContext all
  DeleteRegValue HKLM "${RUN_KEY}" "${RUN_VALUE}"
  Delete "$SMPROGRAMS\${NAME}.lnk"
  Delete /REBOOTOK "$INSTDIR\pasapas.exe"
  Delete "$INSTDIR\LISEZMOI.txt"
  Delete "$INSTDIR\Andika-LICENSE.txt"
  Delete "$INSTDIR\NotoSansArabicUI-LICENSE.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir /REBOOTOK "$INSTDIR"
  Delete "$APPDATA\pasapas\code-mediateur.txt"
  RMDir "$APPDATA\pasapas"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
SectionEnd
